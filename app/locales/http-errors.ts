/** Pages the server answers itself, before the app (bad method, body, size, address; crashes). zh-CN first. */
export const httpErrorsZh = {
  httpErrors: {
    title: "无法处理这个请求",
    "400": "请求格式有误，无法读取。",
    badPath: "网址中有无法识别的字符，请检查地址。",
    "405": "这个地址不支持这种请求方式。",
    "413": "提交的内容太大：表单最多 {{limit}}。请删减后重试；上传文件请控制在 {{upload}} 以内。",
    "415": "这种提交格式无法处理，请在网页上的表单中填写并提交。",
    "500": "服务器出错了，请稍后再试。",
    back: "返回上一页重新填写",
    home: "回到首页",
  },
};

export const httpErrorsEn: typeof httpErrorsZh = {
  httpErrors: {
    title: "This request could not be handled",
    "400": "The request was malformed and could not be read.",
    badPath: "The address holds characters that cannot be read. Please check it.",
    "405": "This address does not accept that kind of request.",
    "413": "What was sent is too large: forms take at most {{limit}}. Please shorten it and try again; files must stay under {{upload}}.",
    "415": "This kind of submission cannot be handled. Please fill in and send the form on the page.",
    "500": "The server had a problem. Please try again later.",
    back: "Back to the form",
    home: "Back to home",
  },
};
